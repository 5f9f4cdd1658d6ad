import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/test-output/**', '**/coverage/**', 'miniprogram/types/**', '**/.swc/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'off',
    },
  },
  {
    // Nest injects by the runtime type of constructor parameters: a type-only import would
    // erase it, so services and controllers import injected classes as values.
    files: ['server/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Tests read JSON answers of any shape; the weapp fake takes the options of any wx API.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.spec.tsx', 'server/test/**', 'e2e/**', 'miniprogram/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Left alone, wx.showModal's confirm button is WeChat's #576B95 (Taro's green in the H5
    // build): every dialog goes through components/modal.ts, which gives it the school blue.
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    ignores: ['miniprogram/src/components/modal.ts', '**/*.spec.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'showModal', message: 'Use showModal from src/components/modal.ts (the theme’s confirm colour).' },
      ],
    },
  },
  {
    // A submit, a like, an upload or a load-more guarded on React state (`if (busy) return`
    // after `setBusy(true)`) lets a second tap through: Taro renders after the events, so both taps
    // read "not busy" (docs/wechat.md).
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    ignores: ['miniprogram/src/components/use-single-flight.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^set(Busy|Sending|Saving|Submitting|Uploading|Liking|Marking|Scanning|LoadingCode|LoadingMore)$/][arguments.0.value=true]',
          message:
            'Guard a submit or a load-more with useSingleFlight (src/components/use-single-flight.ts): a flag in React state lets a second tap through.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
