; 联络组履职档案台 — Windows installer (NSIS 3, Unicode, Modern UI 2, Chinese).
;
; Per-user install without administrator rights: %LOCALAPPDATA%\Programs\LiaisonDesk, shortcuts
; in the user's Start menu and on the desktop, an entry in "Apps & features" (HKCU). No file
; associations: .zip backups and submission packages keep opening with whatever opened them.
; Uninstalling removes only the program; the user's data (database, attachments, backups,
; settings, logs in %LOCALAPPDATA%\LiaisonDesk, or wherever a database was opened from) stays.
;
; Compile on Windows after PyInstaller has produced dist\liaison-desk\ (installer\README.md):
;     makensis installer\liaison-desk.nsi
; → dist\liaison-desk-<version>-setup.exe. Optional: /DPAYLOAD=<folder> /DOUTFILE=<file.exe>
; /DCHECK_ONLY (no compression: a quick syntax check, as installer/build.py does on Linux).

Unicode true
ManifestDPIAware true

; Build-machine paths: "\" on Windows; "/" where makensis runs on Linux (installer/build.py).
!ifdef NSIS_WIN32_MAKENSIS
  !define S "\"
!else
  !define S "/"
!endif
; makensis works in the script's folder (unless run with /NOCD), so ".." is the project.
!define ROOT ".."
!ifndef PAYLOAD
  !define PAYLOAD "${ROOT}${S}dist${S}liaison-desk"
!endif
; The version comes from the app itself (src\liaison_desk\__init__.py: __version__ = "x.y.z").
!ifndef VERSION
  !searchparse /file "${ROOT}${S}src${S}liaison_desk${S}__init__.py" `__version__ = "` VERSION `"`
!endif
!ifndef OUTFILE
  !define OUTFILE "${ROOT}${S}dist${S}liaison-desk-${VERSION}-setup.exe"
!endif

!define APP_NAME "联络组履职档案台"
!define APP_ID "LiaisonDesk"
!define EXE "liaison-desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

!ifdef CHECK_ONLY
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${APP_NAME}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ROOT}${S}resources${S}icons${S}app.ico"
!define MUI_UNICON "${ROOT}${S}resources${S}icons${S}app.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "安装${APP_NAME} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "本程序将把${APP_NAME}安装到您的用户文件夹，不需要管理员权限。$\r$\n$\r$\n如果以前安装过，本次安装会替换旧程序；您的数据库、附件、备份和设置都会保留。$\r$\n$\r$\n请先关闭正在运行的${APP_NAME}，然后单击“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从您的电脑上卸载${APP_NAME}程序。$\r$\n您的数据（数据库、附件、备份、设置和日志，默认在 $LOCALAPPDATA\${APP_ID}）不会被删除；重新安装后可以继续使用。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "${APP_NAME}需要 64 位的 Windows 10 或更新版本。"
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade: the old program's libraries go first, so none of them lingers next to the new.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}${S}*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there: never the whole folder (it may have been chosen by the
  ; user and hold other files), never the data folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\liaison-desk.exe"
  Delete "$INSTDIR\liaison-desk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd
