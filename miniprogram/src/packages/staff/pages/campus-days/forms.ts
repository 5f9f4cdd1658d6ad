import {
  CAMPUS_DAY_LIMITS,
  REUNION_LIMITS,
  type ApproveReunionRequest,
  type CampusDaySpotInput,
  type StaffReunionProposalDto,
} from '@alumni/shared';

/** The request for a new spot, or why it cannot be sent. */
export function spotInput(name: string, description: string): { input: CampusDaySpotInput } | { problem: string } {
  if (name.trim() === '') return { problem: '请填写打卡点名称，如 老图书馆' };
  if (name.trim().length > CAMPUS_DAY_LIMITS.spotName) return { problem: `名称最多 ${CAMPUS_DAY_LIMITS.spotName} 个字` };
  return { input: { name: name.trim(), description: description.trim() || null } };
}

/** What staff fill in to make a proposal an event: typed, so kept as text until sent. */
export interface ApproveDraft {
  capacity: string;
  venue: string;
  address: string;
  city: string;
  latitude: string;
  longitude: string;
  note: string;
}

/** The proposal's own venue and city to start from. */
export function approveDraftOf(proposal: StaffReunionProposalDto): ApproveDraft {
  return {
    capacity: String(Math.max(proposal.interestCount * 2, 30)),
    venue: proposal.venue ?? '',
    address: '',
    city: proposal.city ?? '',
    latitude: '',
    longitude: '',
    note: '',
  };
}

/** The approval request for a draft, or why it cannot be sent. */
export function approveInput(draft: ApproveDraft): { input: ApproveReunionRequest } | { problem: string } {
  const capacity = Number(draft.capacity);
  if (!/^\d+$/.test(draft.capacity.trim()) || capacity < 1 || capacity > REUNION_LIMITS.capacity)
    return { problem: `人数上限填 1–${REUNION_LIMITS.capacity}` };
  if (draft.venue.trim() === '') return { problem: '请填写场地' };
  if (draft.address.trim() === '') return { problem: '请填写地址，或在地图上选点' };
  const latitude = Number(draft.latitude);
  const longitude = Number(draft.longitude);
  if (draft.latitude.trim() === '' || !Number.isFinite(latitude) || Math.abs(latitude) > 90)
    return { problem: '请填写纬度（-90 到 90），或在地图上选点' };
  if (draft.longitude.trim() === '' || !Number.isFinite(longitude) || Math.abs(longitude) > 180)
    return { problem: '请填写经度（-180 到 180），或在地图上选点' };
  return {
    input: {
      capacity,
      venue: draft.venue.trim(),
      address: draft.address.trim(),
      latitude,
      longitude,
      city: draft.city.trim() || null,
      note: draft.note.trim() || null,
    },
  };
}
