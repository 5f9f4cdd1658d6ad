import type {
  MySurveyDto,
  Page,
  SurveyDto,
  SurveyForRespondentDto,
  SurveyImportCommitDto,
  SurveyImportPreviewDto,
  SurveyInput,
  SurveyReceiptDto,
  SurveyResponseInput,
  SurveyResultsDto,
  SurveyRulesInput,
  SurveySummaryDto,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, request, uploadFile } from './request';

const id = (value: string) => encodeURIComponent(value);

// Alumni

export function listMySurveys(): Promise<MySurveyDto[]> {
  return request<MySurveyDto[]>({ path: '/api/v1/me/surveys' });
}

export function getSurveyToAnswer(surveyId: string): Promise<SurveyForRespondentDto> {
  return request<SurveyForRespondentDto>({ path: `/api/v1/surveys/${id(surveyId)}` });
}

export function answerSurvey(surveyId: string, input: SurveyResponseInput): Promise<SurveyReceiptDto> {
  return request<SurveyReceiptDto>({ method: 'POST', path: `/api/v1/surveys/${id(surveyId)}/responses`, body: input });
}

// Staff

export function listStaffSurveys(query: { cursor?: string; limit?: number } = {}): Promise<Page<SurveySummaryDto>> {
  return request<Page<SurveySummaryDto>>({ path: '/api/v1/staff/surveys', query });
}

export function getStaffSurvey(surveyId: string): Promise<SurveyDto> {
  return request<SurveyDto>({ path: `/api/v1/staff/surveys/${id(surveyId)}` });
}

export function createSurvey(input: SurveyInput): Promise<SurveyDto> {
  return request<SurveyDto>({ method: 'POST', path: '/api/v1/staff/surveys', body: input });
}

export function updateSurvey(surveyId: string, input: SurveyInput): Promise<SurveyDto> {
  return request<SurveyDto>({ method: 'PUT', path: `/api/v1/staff/surveys/${id(surveyId)}`, body: input });
}

export function surveyStep(surveyId: string, step: 'send' | 'close'): Promise<SurveyDto> {
  return request<SurveyDto>({ method: 'POST', path: `/api/v1/staff/surveys/${id(surveyId)}/${step}` });
}

export function putSurveyRules(surveyId: string, input: SurveyRulesInput): Promise<SurveyDto> {
  return request<SurveyDto>({ method: 'PUT', path: `/api/v1/staff/surveys/${id(surveyId)}/rules`, body: input });
}

/** The tables: the overall column, and one per value of `by` (院系, 毕业年份, 城市 or an imported column). */
export function getSurveyResults(surveyId: string, by: string | null): Promise<SurveyResultsDto> {
  return request<SurveyResultsDto>({ path: `/api/v1/staff/surveys/${id(surveyId)}/results`, query: { by: by ?? undefined } });
}

export function downloadSurveyResults(surveyId: string, by: string | null, format: ExportFormat): Promise<string> {
  const query = `format=${format}${by ? `&by=${encodeURIComponent(by)}` : ''}`;
  return downloadFile(`/api/v1/staff/surveys/${id(surveyId)}/results/export?${query}`);
}

export function downloadSurveyResponses(surveyId: string, format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/staff/surveys/${id(surveyId)}/responses/export?format=${format}`);
}

export function downloadSurveyTemplate(surveyId: string, format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/staff/surveys/${id(surveyId)}/import-template?format=${format}`);
}

/** Uploads paper questionnaires and answers the preview; nothing is written yet. */
export function previewSurveyImport(surveyId: string, filePath: string, fileName: string): Promise<SurveyImportPreviewDto> {
  return uploadFile<SurveyImportPreviewDto>(`/api/v1/staff/surveys/${id(surveyId)}/imports`, filePath, { fileName });
}

export function commitSurveyImport(surveyId: string, importId: string): Promise<SurveyImportCommitDto> {
  return request<SurveyImportCommitDto>({ method: 'POST', path: `/api/v1/staff/surveys/${id(surveyId)}/imports/${id(importId)}/commit` });
}
