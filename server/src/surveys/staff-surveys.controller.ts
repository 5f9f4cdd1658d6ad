import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthUserDto,
  Page,
  SurveyDto,
  SurveyImportCommitDto,
  SurveyImportPreviewDto,
  SurveyResultsDto,
  SurveySummaryDto,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { sendSpreadsheet, SpreadsheetQueryDto } from '../common/spreadsheet.js';
import { SurveyBodyDto, SurveyResultsExportQueryDto, SurveyResultsQueryDto, SurveyRulesInputBodyDto } from './dto/survey-request.dto.js';
import {
  SurveyImportCommitResponseDto,
  SurveyImportPreviewResponseDto,
  SurveyResponseDto,
  SurveyResultsResponseDto,
  SurveySummaryPageResponseDto,
} from './dto/survey-response.dto.js';
import { SurveyImportsService } from './survey-imports.service.js';
import { SurveyResultsService } from './survey-results.service.js';
import { SurveysService } from './surveys.service.js';

const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
const INPUT_ERRORS = ['SURVEY_QUESTIONS_INVALID', 'SURVEY_CLOSING_TIME_INVALID', 'AUDIENCE_INVALID', 'FORBIDDEN'] as const;

@ApiTags('surveys (staff)')
@Roles('staff')
@Controller('staff/surveys')
export class StaffSurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly results: SurveyResultsService,
    private readonly imports: SurveyImportsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every survey, drafts included, newest first, with issued, returned and valid' })
  @ApiOkResponse({ type: SurveySummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: PageQueryDto): Promise<Page<SurveySummaryDto>> {
    return this.surveys.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Draft a questionnaire: questions, audience, closing time, validity rules (audited)' })
  @ApiCreatedResponse({ type: SurveyResponseDto })
  @ApiErrors(...INPUT_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: SurveyBodyDto): Promise<SurveyDto> {
    return this.surveys.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A survey with its questions, rules and counts' })
  @ApiOkResponse({ type: SurveyResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND', 'FORBIDDEN')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<SurveyDto> {
    return this.surveys.detail(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a draft (a sent questionnaire is fixed; its rules are not)' })
  @ApiOkResponse({ type: SurveyResponseDto })
  @ApiErrors(...INPUT_ERRORS, 'SURVEY_NOT_FOUND', 'SURVEY_STATE_CONFLICT')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SurveyBodyDto): Promise<SurveyDto> {
    return this.surveys.update(user, id, dto);
  }

  @Post(':id/send')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a draft: the audience is counted as issued and invited (message centre, subscription message)' })
  @ApiOkResponse({ type: SurveyResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND', 'SURVEY_STATE_CONFLICT', 'SURVEY_CLOSING_TIME_INVALID', 'FORBIDDEN')
  send(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SurveyDto> {
    return this.surveys.send(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop collecting answers now (paper responses may still be imported)' })
  @ApiOkResponse({ type: SurveyResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND', 'SURVEY_STATE_CONFLICT', 'FORBIDDEN')
  close(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SurveyDto> {
    return this.surveys.close(user, id);
  }

  @Put(':id/rules')
  @ApiOperation({ summary: 'The validity rules and the paper copies handed out, at any time; every response is recounted (audited)' })
  @ApiOkResponse({ type: SurveyResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND', 'FORBIDDEN')
  rules(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SurveyRulesInputBodyDto,
  ): Promise<SurveyDto> {
    return this.surveys.setRules(user, id, dto);
  }

  @Get(':id/results')
  @ApiOperation({ summary: 'Percentage tables of the valid responses, overall and by one respondent attribute' })
  @ApiOkResponse({ type: SurveyResultsResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND', 'SURVEY_ATTRIBUTE_UNKNOWN', 'FORBIDDEN')
  showResults(@Param('id', ParseUUIDPipe) id: string, @Query() query: SurveyResultsQueryDto): Promise<SurveyResultsDto> {
    return this.results.results(id, query.by ?? null);
  }

  @Get(':id/results/export')
  @ApiOperation({ summary: 'The tables as CSV (UTF-8 with BOM) or XLSX' })
  @ApiProduces(...SPREADSHEET_TYPES)
  @ApiErrors('SURVEY_NOT_FOUND', 'SURVEY_ATTRIBUTE_UNKNOWN', 'FORBIDDEN')
  async exportResults(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SurveyResultsExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendSpreadsheet(reply, await this.results.exportResults(id, query.by ?? null, query.format));
  }

  @Get(':id/responses/export')
  @ApiOperation({ summary: 'Every returned response (not who gave it) as CSV or XLSX' })
  @ApiProduces(...SPREADSHEET_TYPES)
  @ApiErrors('SURVEY_NOT_FOUND', 'FORBIDDEN')
  async exportResponses(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SpreadsheetQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendSpreadsheet(reply, await this.results.exportResponses(id, query.format));
  }

  @Get(':id/import-template')
  @ApiOperation({ summary: 'The file to enter paper questionnaires in: a column per question and the standard attributes' })
  @ApiProduces(...SPREADSHEET_TYPES)
  @ApiErrors('SURVEY_NOT_FOUND', 'FORBIDDEN')
  async template(@Param('id', ParseUUIDPipe) id: string, @Query() query: SpreadsheetQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.imports.template(id, query.format));
  }

  @Post(':id/imports')
  @ApiOperation({
    summary: 'Upload paper or outside questionnaires (CSV or XLSX, multipart field `file`) and preview every row; writes no response',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: SurveyImportPreviewResponseDto })
  @ApiErrors(
    'SURVEY_NOT_FOUND',
    'SURVEY_STATE_CONFLICT',
    'UPLOAD_FILE_MISSING',
    'UNSUPPORTED_MEDIA_TYPE',
    'SURVEY_IMPORT_FILE_TOO_LARGE',
    'SURVEY_IMPORT_FILE_TYPE_UNSUPPORTED',
    'SURVEY_IMPORT_ENCODING_UNSUPPORTED',
    'SURVEY_IMPORT_FILE_MALFORMED',
    'SURVEY_IMPORT_HEADERS_INVALID',
    'SURVEY_IMPORT_FILE_EMPTY',
    'SURVEY_IMPORT_TOO_MANY_ROWS',
    'FORBIDDEN',
  )
  preview(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<SurveyImportPreviewDto> {
    return this.imports.preview(user, id, request);
  }

  @Post(':id/imports/:importId/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Write a previewed file’s responses, all in one transaction; refused whole while any row has a problem (audited)',
  })
  @ApiOkResponse({ type: SurveyImportCommitResponseDto })
  @ApiErrors(
    'SURVEY_NOT_FOUND',
    'SURVEY_STATE_CONFLICT',
    'SURVEY_IMPORT_NOT_FOUND',
    'SURVEY_IMPORT_HAS_PROBLEMS',
    'SURVEY_IMPORT_ALREADY_COMMITTED',
    'FORBIDDEN',
  )
  commit(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('importId', ParseUUIDPipe) importId: string,
  ): Promise<SurveyImportCommitDto> {
    return this.imports.commit(user, id, importId);
  }
}
