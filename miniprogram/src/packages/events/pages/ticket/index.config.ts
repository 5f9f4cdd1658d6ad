import { BRAND_COLOR } from '../../../../theme';

export default definePageConfig({
  navigationBarTitleText: '电子票',
  navigationBarBackgroundColor: BRAND_COLOR,
});
