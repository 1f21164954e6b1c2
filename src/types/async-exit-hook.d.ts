// async-exit-hook ships no types; only hookedEvents/unhookEvent are used (src/platform/db/embedded.ts).
declare module 'async-exit-hook';
