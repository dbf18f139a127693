"""Files the app loads at run time: icons, fonts, translations (found via importlib.resources)."""
