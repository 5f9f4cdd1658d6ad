import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlumnusCardDto, AuthUserDto, Page } from '@alumni/shared';
import { AlumnusPageResponseDto } from '../alumni/dto/alumnus-card-response.dto.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { DirectoryService } from './directory.service.js';
import { DirectoryQueryDto } from './dto/directory-query.dto.js';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'Search verified alumni; filters only match fields the searcher may see' })
  @ApiOkResponse({ type: AlumnusPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR', 'DIRECTORY_VERIFICATION_REQUIRED', 'ALUMNUS_NOT_FOUND')
  search(@CurrentUser() user: AuthUserDto, @Query() query: DirectoryQueryDto): Promise<Page<AlumnusCardDto>> {
    return this.directory.search(user, query);
  }

  @Get('my-class')
  @ApiOperation({ summary: 'Verified alumni of my graduation year, department and class' })
  @ApiOkResponse({ type: AlumnusPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR', 'DIRECTORY_VERIFICATION_REQUIRED', 'MY_CLASS_UNKNOWN', 'ALUMNUS_NOT_FOUND')
  myClass(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<AlumnusCardDto>> {
    return this.directory.myClass(user, query);
  }
}
