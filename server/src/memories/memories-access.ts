import { Injectable } from '@nestjs/common';
import type { AuthUserDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { isStaffUser } from '../groups/group-access.js';
import { ConsentService } from '../identity/consent.service.js';

/**
 * Who may open the photo walls and the timeline: verified alumni (they are the school's
 * memories, of classmates' faces) and staff. Writing (a photo, a tag, a comment) also needs
 * the privacy notice accepted: each is a record about the person.
 */
@Injectable()
export class MemoriesAccess {
  constructor(
    private readonly alumni: AlumniService,
    private readonly consent: ConsentService,
  ) {}

  async assertViewer(user: AuthUserDto): Promise<void> {
    if (isStaffUser(user)) return;
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (alumnus.verifiedAt === null) throw new AppError('MEMORIES_VERIFICATION_REQUIRED');
  }

  async assertWriter(user: AuthUserDto): Promise<void> {
    await this.assertViewer(user);
    await this.consent.assertConsented(user.id);
  }
}

export const isStaff = isStaffUser;
