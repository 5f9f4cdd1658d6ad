// Runs before each weapp spec file imports anything: the build's compile-time constants.
process.env.TARO_ENV = 'weapp';
// app.config.ts calls Taro's global defineAppConfig, which only the build defines.
(globalThis as unknown as { defineAppConfig: <T>(config: T) => T }).defineAppConfig = (config) => config;
