// Component tests run the real pages and NutUI components in jsdom, with Taro's runtime
// replaced (Taro's own test utils target Taro 3 and fail on Taro 4). Two projects:
// - h5: the browser build's code paths, with small programmable mocks (test/mocks);
// - weapp: `*.weapp.spec.ts(x)`, the WeChat build's code paths under the `wx` contract fake
//   (test/weapp), which fails a test that breaks one of WeChat's documented rules.
const shared = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  transform: {
    '\\.[jt]sx?$': ['babel-jest', { configFile: require.resolve('./test/babel.config.cjs'), babelrc: false }],
  },
  // NutUI and the @swc/helpers it imports ship ES modules; everything else in node_modules is CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(@nutui|@swc\\+helpers|@swc/helpers))'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'h5',
      testMatch: ['<rootDir>/{src,config,scripts}/**/*.spec.{ts,tsx}'],
      testPathIgnorePatterns: ['\\.weapp\\.spec\\.tsx?$'],
      globals: { API_BASE_URL: '' },
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/mocks/taro-components.tsx',
        '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
      },
    },
    {
      ...shared,
      displayName: 'weapp',
      testMatch: ['<rootDir>/{src,test}/**/*.weapp.spec.{ts,tsx}'],
      // The WeChat build calls an absolute https API (TARO_APP_API_BASE at build time).
      globals: { API_BASE_URL: 'https://api.example.org' },
      setupFiles: ['<rootDir>/test/weapp/environment.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/weapp/after-each.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/weapp/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/weapp/components.tsx',
        '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
      },
    },
  ],
};
