// Placeholder for the dashboard webview (a later issue). The bundle exists so the build and the
// packaging rules are exercised from day one.
export {};
