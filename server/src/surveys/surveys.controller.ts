import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, MySurveyDto, SurveyForRespondentDto, SurveyReceiptDto } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { SurveyResponseBodyDto } from './dto/survey-request.dto.js';
import { MySurveyResponseDto, SurveyForRespondentResponseDto, SurveyReceiptResponseDto } from './dto/survey-response.dto.js';
import { ResponsesService } from './responses.service.js';

@ApiTags('surveys')
@Controller()
export class SurveysController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('me/surveys')
  @ApiOperation({ summary: 'Questionnaires open to me, and those I answered, newest first' })
  @ApiOkResponse({ type: [MySurveyResponseDto] })
  mine(@CurrentUser() user: AuthUserDto): Promise<MySurveyDto[]> {
    return this.responses.mine(user);
  }

  @Get('surveys/:id')
  @ApiOperation({ summary: 'A questionnaire to answer, with whether I may and a signed start time to hand back' })
  @ApiOkResponse({ type: SurveyForRespondentResponseDto })
  @ApiErrors('SURVEY_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SurveyForRespondentDto> {
    return this.responses.forRespondent(user, id);
  }

  @Post('surveys/:id/responses')
  @ApiOperation({ summary: 'Answer (verified alumni of the audience, once each); counted as returned, and valid by the survey’s rules' })
  @ApiCreatedResponse({ type: SurveyReceiptResponseDto })
  @ApiErrors(
    'SURVEY_NOT_FOUND',
    'SURVEY_NOT_OPEN',
    'SURVEY_VERIFICATION_REQUIRED',
    'CONSENT_REQUIRED',
    'SURVEY_NOT_ELIGIBLE',
    'SURVEY_START_TOKEN_INVALID',
    'SURVEY_ANSWER_INVALID',
    'SURVEY_ALREADY_ANSWERED',
    'ALUMNUS_NOT_FOUND',
  )
  answer(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SurveyResponseBodyDto,
  ): Promise<SurveyReceiptDto> {
    return this.responses.submit(user, id, dto);
  }
}
