/**
 * The school blue for what stylesheets cannot reach: options of WeChat's own native UI, such as
 * wx.showModal's confirmColor, which take a hex colour string, not a CSS variable. It is
 * app.scss's --al-brand (and NutUI's primary there); theme.spec.ts keeps the two the same.
 */
export const BRAND_COLOR = '#1f57a8';
