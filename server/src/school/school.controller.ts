import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchoolDto } from '@alumni/shared';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { SchoolResponseDto } from './dto/school-response.dto.js';
import { SchoolService } from './school.service.js';

@ApiTags('school')
@Public()
@Controller('school')
export class SchoolController {
  constructor(private readonly school: SchoolService) {}

  @Get()
  @ApiOperation({ summary: 'The school: name, intro, departments and headline figures' })
  @ApiOkResponse({ type: SchoolResponseDto })
  @ApiErrors('SCHOOL_NOT_CONFIGURED')
  getSchool(): Promise<SchoolDto> {
    return this.school.getSchool();
  }
}
