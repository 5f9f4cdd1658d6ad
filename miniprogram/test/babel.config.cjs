// Jest's Babel setup, as a file that babel-jest loads in each worker. Options written inline in
// jest.config.cjs reach the workers serialised, which drops babel-plugin-import's `customName`
// functions: with more than one worker every NutUI import went to `lib/<Name>`, which NutUI does
// not ship, and the broken output was cached.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
  // The same per-component entry as the build: NutUI's full bundle crashes under jsdom.
  plugins: [require('../babel.config.js').plugins[0]],
};
