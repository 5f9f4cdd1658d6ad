import Taro from '@tarojs/taro';
import type { SessionDto } from '@alumni/shared';
import { goOnAfterSignIn } from '../../components/class-invitation';

/** A first sign-in (or a new notice version) reads and accepts the privacy notice before anything else. */
export function continueAfterSignIn(session: SessionDto): void {
  if (session.alumnus.consentRequired) void Taro.redirectTo({ url: '/packages/account/pages/privacy/index' });
  else goOnAfterSignIn();
}
