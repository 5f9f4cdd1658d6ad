import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, JobPostDto, Page } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { sendSpreadsheet, SpreadsheetQueryDto } from '../../common/spreadsheet.js';
import { StaffReasonBodyDto } from '../dto/careers.dto.js';
import { StaffJobsQueryDto } from './dto/job-request.dto.js';
import { JobPostPageResponseDto, JobPostResponseDto } from './dto/job-response.dto.js';
import { JobPostsService } from './job-posts.service.js';

@ApiTags('careers: jobs (staff)')
@Roles('staff')
@Controller('staff/careers/jobs')
export class StaffJobsController {
  constructor(private readonly posts: JobPostsService) {}

  @Get()
  @ApiOperation({ summary: 'Posts of one status, newest first: `pending` (the approval queue) by default' })
  @ApiOkResponse({ type: JobPostPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@CurrentUser() user: AuthUserDto, @Query() query: StaffJobsQueryDto): Promise<Page<JobPostDto>> {
    return this.posts.listForStaff(user, query.status, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Every post with its views and applications, as CSV (UTF-8 with BOM) or XLSX' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('FORBIDDEN')
  async export(@CurrentUser() user: AuthUserDto, @Query() query: SpreadsheetQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.posts.export(user, query.format));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a waiting post: public at once (audited, poster notified)' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors('JOB_NOT_FOUND', 'JOB_STATE_CONFLICT', 'FORBIDDEN')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<JobPostDto> {
    return this.posts.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a waiting post, with the reason the poster sees (audited, poster notified)' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors('JOB_NOT_FOUND', 'JOB_STATE_CONFLICT', 'FORBIDDEN')
  reject(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffReasonBodyDto): Promise<JobPostDto> {
    return this.posts.reject(user, id, dto.reason);
  }

  @Post(':id/take-down')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a public or waiting post down, with the reason the poster sees (audited, poster notified)' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors('JOB_NOT_FOUND', 'JOB_STATE_CONFLICT', 'FORBIDDEN')
  takeDown(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffReasonBodyDto): Promise<JobPostDto> {
    return this.posts.takeDown(user, id, dto.reason);
  }
}
