import type { AlumnusCardDto, DataExportDto, MyProfileDto, UpdateProfileRequest } from '@alumni/shared';
import { partialUpdate, request, uploadFile } from './request';

export function getMyProfile(): Promise<MyProfileDto> {
  return request<MyProfileDto>({ path: '/api/v1/me' });
}

/** Only the fields sent change; null clears one. */
export function updateMyProfile(changes: UpdateProfileRequest): Promise<MyProfileDto> {
  return partialUpdate<MyProfileDto>('/api/v1/me', changes);
}

/** A local image path (from chooseAvatar or chooseImage); the server checks type and size. */
export function uploadAvatar(filePath: string): Promise<MyProfileDto> {
  return uploadFile<MyProfileDto>('/api/v1/me/avatar', filePath);
}

export function exportMyData(): Promise<DataExportDto> {
  return request<DataExportDto>({ path: '/api/v1/me/export' });
}

export function deleteMyAccount(): Promise<void> {
  return request<void>({ method: 'DELETE', path: '/api/v1/me' });
}

/** Another alumnus, with only the fields their visibility lets me see. */
export function getAlumnus(id: string): Promise<AlumnusCardDto> {
  return request<AlumnusCardDto>({ path: `/api/v1/alumni/${encodeURIComponent(id)}` });
}
