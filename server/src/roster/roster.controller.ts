import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUserDto, Page, RosterCommitResultDto, RosterPreviewDto, StaffRosterEntryDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { StaffRosterEntriesQueryDto, StaffRosterEntryPageResponseDto } from './dto/roster-entries.dto.js';
import { RosterCommitResponseDto, RosterPreviewResponseDto } from './dto/roster-response.dto.js';
import { TemplateQueryDto } from './dto/template-query.dto.js';
import { RosterService } from './roster.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('roster')
@Controller()
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  /** Public: it holds only headers and the department names the school page already shows. */
  @Public()
  @Get('roster/template')
  @ApiOperation({ summary: 'Download the roster template (XLSX, or CSV with a UTF-8 BOM)' })
  @ApiProduces(XLSX_TYPE, 'text/csv')
  async template(@Query() query: TemplateQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const csv = query.format === 'csv';
    const body = csv ? this.roster.templateCsv() : await this.roster.templateXlsx();
    const fileName = encodeURIComponent(`校友名册模板.${query.format}`);
    await reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
      .header('content-disposition', `attachment; filename="roster-template.${query.format}"; filename*=UTF-8''${fileName}`)
      .send(body);
  }

  @Roles('staff')
  @Post('staff/roster/imports')
  @ApiOperation({ summary: 'Upload a roster file (CSV or XLSX, multipart field `file`) and preview it; writes nothing to the roster' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: RosterPreviewResponseDto })
  @ApiErrors(
    'UPLOAD_FILE_MISSING',
    'UNSUPPORTED_MEDIA_TYPE',
    'ROSTER_FILE_TOO_LARGE',
    'ROSTER_FILE_TYPE_UNSUPPORTED',
    'ROSTER_ENCODING_UNSUPPORTED',
    'ROSTER_FILE_MALFORMED',
    'ROSTER_HEADERS_INVALID',
    'ROSTER_FILE_EMPTY',
    'ROSTER_TOO_MANY_ROWS',
    'FORBIDDEN',
  )
  preview(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<RosterPreviewDto> {
    return this.roster.preview(user, request);
  }

  @Roles('staff')
  @Post('staff/roster/imports/:id/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Write the valid rows of a preview to the roster in one transaction (existing student numbers skipped)' })
  @ApiOkResponse({ type: RosterCommitResponseDto })
  @ApiErrors('ROSTER_IMPORT_NOT_FOUND', 'ROSTER_IMPORT_ALREADY_COMMITTED', 'FORBIDDEN')
  commit(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<RosterCommitResultDto> {
    return this.roster.commit(user, id);
  }

  @Roles('staff')
  @Get('staff/roster/entries')
  @ApiOperation({
    summary:
      'The roster, newest entries first, filtered by year, department, class, claim state and part of a name (or a whole student number)',
  })
  @ApiOkResponse({ type: StaffRosterEntryPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR', 'FORBIDDEN')
  entries(@Query() query: StaffRosterEntriesQueryDto): Promise<Page<StaffRosterEntryDto>> {
    return this.roster.listEntries(query);
  }
}
