// @tarojs/plugin-framework-react ships no type declarations for its runtime entry.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createH5NativeComponentConfig(component: unknown, react: unknown, reactDOM: unknown): unknown;
}
