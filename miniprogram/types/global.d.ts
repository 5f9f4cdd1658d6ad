/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

/** Origin of the API for the WeChat build; '' in the H5 build, which shares the server's origin. */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE?: string;
  }
}
