// Component tests run the real pages and NutUI components in jsdom, with Taro's runtime
// replaced by small mocks (Taro's own test utils target Taro 3 and fail on Taro 4).
const nutuiImport = require('./babel.config.js').plugins[0];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  globals: { API_BASE_URL: '' },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/taro-components.tsx',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
  },
  transform: {
    '\\.[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
        // The same per-component entry as the build: NutUI's full bundle crashes under jsdom.
        plugins: [nutuiImport],
      },
    ],
  },
  // NutUI and the @swc/helpers it imports ship ES modules; everything else in node_modules is CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(@nutui|@swc\\+helpers|@swc/helpers))'],
};
