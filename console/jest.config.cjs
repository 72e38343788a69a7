// Component tests of the console in jsdom with Testing Library (scripts/test.ts runs them with the
// mini-program's). CommonJS file name because the repository root package.json is "type": "module".
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'console',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.ts?(x)'],
  restoreMocks: true,
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/after-env.ts'],
  // vite.config.ts resolves `@` the same way.
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // functions/ is ES modules written for node (`import … from './format.js'` names the .ts file).
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '\\.[cm]?[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
};
