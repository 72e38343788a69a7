// Taro's H5 webpack build runs @tarojs/plugin-framework-react's api-loader over taro-h5's API
// module (webpack rule `process-import-taro-h5`): it puts the React page hooks (useDidShow, …)
// on `@tarojs/taro`. Jest has no webpack, so this transformer runs the same loader, then Babel.
const { createTransformer } = require('babel-jest');
const apiLoader = require('@tarojs/plugin-framework-react/dist/api-loader');

module.exports = {
  createTransformer(babelOptions) {
    const babel = createTransformer(babelOptions);
    return {
      canInstrument: babel.canInstrument,
      getCacheKey: (source, path, options) => babel.getCacheKey(apiLoader(source), path, options),
      process: (source, path, options) => babel.process(apiLoader(source), path, options),
    };
  },
};
