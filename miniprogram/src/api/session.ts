import Taro from '@tarojs/taro';
import type { SessionAlumnusDto, SessionDto } from '@alumni/shared';

/** Where the signed-in session lives on the device (WeChat storage / localStorage in H5). */
const STORAGE_KEY = 'alumnilink.session';

export function loadSession(): SessionDto | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (typeof stored === 'object' && stored !== null && 'refreshToken' in stored && 'accessToken' in stored) return stored as SessionDto;
  } catch {
    // Unreadable storage is the same as being signed out.
  }
  return null;
}

export function saveSession(session: SessionDto): void {
  Taro.setStorageSync(STORAGE_KEY, session);
}

/** Keeps the tokens and replaces what the client knows about the alumnus (consent given, phone bound). */
export function updateSessionAlumnus(alumnus: SessionAlumnusDto): void {
  const session = loadSession();
  if (session) saveSession({ ...session, alumnus });
}

export function clearSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}
