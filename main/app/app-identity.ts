/**
 * The desktop's identity to the operating system. It must equal `appId` in electron-builder.yml
 * (a test checks): on Windows, system notifications are only shown for an app whose
 * AppUserModelID matches its Start-menu shortcut, which the installer creates from `appId`.
 */
export const APP_USER_MODEL_ID = 'com.kept.console';
