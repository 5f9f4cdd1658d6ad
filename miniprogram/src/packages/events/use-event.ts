import type { EventDetailDto, RegistrationDto } from '@alumni/shared';
import { useCallback } from 'react';
import { getEvent, getMyRegistration } from '../../api/events';
import { loadSession } from '../../api/session';
import { useLoaded } from '../../components/use-loaded';

interface EventPage {
  event: EventDetailDto;
  registration: RegistrationDto | null;
  signedIn: boolean;
}

async function loadEventPage(id: string): Promise<EventPage> {
  const signedIn = loadSession() !== null;
  const [event, registration] = await Promise.all([getEvent(id), signedIn ? getMyRegistration(id) : Promise.resolve(null)]);
  return { event, registration, signedIn };
}

/** The event and, when signed in, my registration for it: what every page of this subpackage starts from. */
export function useEvent(id: string | undefined) {
  const { state, reload, update } = useLoaded(id, loadEventPage, '活动不存在或尚未发布');
  const setRegistration = useCallback((registration: RegistrationDto | null) => update({ registration }), [update]);
  return { state, reload, setRegistration };
}
