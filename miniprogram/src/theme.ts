/**
 * The school blue for what stylesheets cannot reach: options of WeChat's own native UI, such as
 * wx.showModal's confirmColor and a `<switch>`'s color, which take a hex colour string, not a
 * CSS variable; the window and tab bar of app.config.ts and page configs (read at build time);
 * the dashboard's chart series. It is app.scss's --al-brand (and NutUI's primary there), and
 * index.html's theme-color; theme.spec.ts keeps them the same.
 */
export const BRAND_COLOR = '#1f57a8';
