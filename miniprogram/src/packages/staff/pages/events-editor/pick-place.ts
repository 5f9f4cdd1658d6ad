import Taro from '@tarojs/taro';
import { explainRefusal } from '../../../../components/permission-refusal';
import type { EventDraft } from './editor-form';

/**
 * Picks an event's place on WeChat's map into the draft (the staff editor and a branch admin's
 * event form, a reunion's approval): its name unless one was typed, the address and the coordinates. A refusal of the
 * location permission is explained, with the way to allow it.
 */
export function pickEventPlace<D extends Pick<EventDraft, 'venue' | 'address' | 'latitude' | 'longitude'>>(
  setDraft: (change: (draft: D) => D) => void,
): void {
  void Taro.chooseLocation({}).then(
    (place) =>
      setDraft((d) => ({
        ...d,
        venue: d.venue || place.name,
        address: place.address,
        latitude: String(place.latitude),
        longitude: String(place.longitude),
      })),
    (error: unknown) => void explainRefusal(error, 'location', '在地图上选点'),
  );
}
