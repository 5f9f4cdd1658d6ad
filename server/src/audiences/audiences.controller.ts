import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AudienceSizeDto } from '@alumni/shared';
import { Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AudiencesService } from './audiences.service.js';
import { AudienceBodyDto, AudienceSizeResponseDto } from './dto/audience.dto.js';

@ApiTags('audiences (staff)')
@Roles('staff')
@Controller('staff/audiences')
export class AudiencesController {
  constructor(private readonly audiences: AudiencesService) {}

  @Get('size')
  @ApiOperation({ summary: 'How many verified alumni an audience holds now (a vote’s electorate, a survey’s issued count)' })
  @ApiOkResponse({ type: AudienceSizeResponseDto })
  @ApiErrors('AUDIENCE_INVALID', 'FORBIDDEN')
  async size(@Query() query: AudienceBodyDto): Promise<AudienceSizeDto> {
    const spec = await this.audiences.normalise(query);
    return { label: await this.audiences.label(spec), size: await this.audiences.size(spec) };
  }
}
