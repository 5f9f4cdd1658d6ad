import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, Page, StaffMemberDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { GrantStaffDto, StaffCandidatesQueryDto, StaffMemberResponseDto, StaffPageResponseDto } from './dto/staff.dto.js';
import { StaffService } from './staff.service.js';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'Staff and administrators' })
  @ApiOkResponse({ type: StaffPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@CurrentUser() admin: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<StaffMemberDto>> {
    return this.staff.list(admin, query);
  }

  @Get('candidates')
  @ApiOperation({ summary: 'Alumni whose name starts with q, to grant the staff role to' })
  @ApiOkResponse({ type: [StaffMemberResponseDto] })
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN')
  candidates(@CurrentUser() admin: AuthUserDto, @Query() query: StaffCandidatesQueryDto): Promise<StaffMemberDto[]> {
    return this.staff.candidates(admin, query.q);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Make an alumnus staff (and admin when asked); audited' })
  @ApiOkResponse({ type: StaffMemberResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'ALUMNUS_NOT_FOUND', 'STAFF_SELF_REVOKE', 'FORBIDDEN')
  grant(
    @CurrentUser() admin: AuthUserDto,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: GrantStaffDto,
  ): Promise<StaffMemberDto> {
    return this.staff.grant(admin, id, dto.admin);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke the staff and admin roles of an alumnus; audited' })
  @ApiOkResponse({ type: StaffMemberResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'ALUMNUS_NOT_FOUND', 'STAFF_SELF_REVOKE', 'FORBIDDEN')
  revoke(@CurrentUser() admin: AuthUserDto, @Param('id', new ParseUUIDPipe()) id: string): Promise<StaffMemberDto> {
    return this.staff.revoke(admin, id);
  }
}
