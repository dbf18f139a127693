"""The frozen app's start script (PyInstaller runs this file): the same entry point as the
``liaison-desk`` console script, ``liaison_desk.entry:main``."""

from liaison_desk.entry import main

raise SystemExit(main())
