import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, JobApplicationDto, JobPostDto, JobPostSummaryDto, MyJobApplicationDto, Page } from '@alumni/shared';
import { CurrentUser, Public } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { JobApplicationBodyDto, JobApplicationMarkBodyDto, JobBoardQueryDto, JobPostBodyDto } from './dto/job-request.dto.js';
import {
  JobApplicationPageResponseDto,
  JobApplicationResponseDto,
  JobPostPageResponseDto,
  JobPostResponseDto,
  JobPostSummaryPageResponseDto,
  MyJobApplicationPageResponseDto,
  MyJobApplicationResponseDto,
} from './dto/job-response.dto.js';
import { JobApplicationsService } from './job-applications.service.js';
import { JobPostsService } from './job-posts.service.js';

const EDIT_ERRORS = ['JOB_SALARY_INVALID', 'JOB_CLOSING_DATE_INVALID', 'CONTENT_RISKY'] as const;

@ApiTags('careers: jobs')
@Controller('careers')
export class JobsController {
  constructor(
    private readonly posts: JobPostsService,
    private readonly applications: JobApplicationsService,
  ) {}

  @Get('jobs')
  @Public()
  @ApiOperation({ summary: 'The board: published posts before their closing day, newest first, by industry, city, type and keyword' })
  @ApiOkResponse({ type: JobPostSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  board(@Query() query: JobBoardQueryDto): Promise<Page<JobPostSummaryDto>> {
    return this.posts.board(query);
  }

  @Post('jobs')
  @ApiOperation({
    summary: 'Post a job, internship or referral (verified graduates and staff); public once checked and, if required, approved',
  })
  @ApiCreatedResponse({ type: JobPostResponseDto })
  @ApiErrors(...EDIT_ERRORS, 'CAREERS_VERIFICATION_REQUIRED', 'CAREERS_GRADUATE_REQUIRED', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: JobPostBodyDto): Promise<JobPostDto> {
    return this.posts.create(user, dto);
  }

  @Get('jobs/:id')
  @Public()
  @ApiOperation({ summary: 'A post (counts a view); waiting, refused and removed ones only for their poster and staff' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors('JOB_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<JobPostDto> {
    return this.posts.detail(user, id);
  }

  @Put('jobs/:id')
  @ApiOperation({ summary: 'The poster edits a waiting, public or refused post; checked again, and it may wait for approval again' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors(...EDIT_ERRORS, 'JOB_NOT_FOUND', 'JOB_POSTER_ONLY', 'JOB_STATE_CONFLICT')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: JobPostBodyDto): Promise<JobPostDto> {
    return this.posts.update(user, id, dto);
  }

  @Post('jobs/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'The poster closes a post: it leaves the board at once' })
  @ApiOkResponse({ type: JobPostResponseDto })
  @ApiErrors('JOB_NOT_FOUND', 'JOB_POSTER_ONLY', 'JOB_STATE_CONFLICT')
  close(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<JobPostDto> {
    return this.posts.close(user, id);
  }

  @Get('me/jobs')
  @ApiOperation({ summary: 'My posts, newest first, with views, applications and the staff’s notes' })
  @ApiOkResponse({ type: JobPostPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  myPosts(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<JobPostDto>> {
    return this.posts.mine(user, query);
  }

  @Post('jobs/:id/applications')
  @ApiOperation({
    summary: '“I’m interested” (verified students and graduates): the poster gets my name and only the contact details I choose',
  })
  @ApiCreatedResponse({ type: MyJobApplicationResponseDto })
  @ApiErrors(
    'CAREERS_VERIFICATION_REQUIRED',
    'CONSENT_REQUIRED',
    'ALUMNUS_NOT_FOUND',
    'JOB_NOT_FOUND',
    'JOB_NOT_OPEN',
    'JOB_OWN_POST',
    'JOB_ALREADY_APPLIED',
    'JOB_CONTACT_REQUIRED',
    'JOB_PHONE_NOT_BOUND',
    'CONTENT_RISKY',
  )
  apply(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: JobApplicationBodyDto,
  ): Promise<MyJobApplicationDto> {
    return this.applications.apply(user, id, dto);
  }

  @Get('jobs/:id/applications')
  @ApiOperation({ summary: 'The applications to my post, newest first: the poster only (staff do not see shared contacts)' })
  @ApiOkResponse({ type: JobApplicationPageResponseDto })
  @ApiErrors('JOB_NOT_FOUND', 'JOB_POSTER_ONLY', 'INVALID_CURSOR')
  listApplications(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<JobApplicationDto>> {
    return this.applications.listForPost(user, id, query);
  }

  @Put('applications/:id/status')
  @ApiOperation({ summary: 'The poster marks an application (contacted, hired, not a fit); the applicant is notified' })
  @ApiOkResponse({ type: JobApplicationResponseDto })
  @ApiErrors('JOB_APPLICATION_NOT_FOUND', 'JOB_APPLICATION_STATE_CONFLICT')
  mark(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: JobApplicationMarkBodyDto,
  ): Promise<JobApplicationDto> {
    return this.applications.mark(user, id, dto);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The applicant withdraws: what was shared is cleared' })
  @ApiOkResponse({ type: MyJobApplicationResponseDto })
  @ApiErrors('JOB_APPLICATION_NOT_FOUND', 'JOB_APPLICATION_STATE_CONFLICT')
  withdraw(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MyJobApplicationDto> {
    return this.applications.withdraw(user, id);
  }

  @Get('me/applications')
  @ApiOperation({ summary: 'My applications, newest first, with their status' })
  @ApiOkResponse({ type: MyJobApplicationPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  myApplications(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<MyJobApplicationDto>> {
    return this.applications.mine(user, query);
  }
}
