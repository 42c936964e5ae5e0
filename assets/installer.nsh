; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; Auto-start for the room's kiosk account: the per-machine installer writes HKLM Run, so whoever signs in to the
; room PC gets Roomdeck (app.setLoginItemSettings would write HKCU, one user only, and only after a first manual run).
; An update (--updated) keeps the value; a real uninstall removes it.
!macro customInstall
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Roomdeck" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Roomdeck"
  ${endIf}
!macroend
