import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, CouncilDto, CouncilMemberDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { CouncilService } from './council.service.js';
import {
  CouncilMemberBodyDto,
  CouncilMemberResponseDto,
  CouncilResponseDto,
  CouncilTermBodyDto,
  EndCouncilMemberBodyDto,
} from './dto/council.dto.js';

@ApiTags('governance: council')
@Controller('governance/council')
export class CouncilController {
  constructor(private readonly council: CouncilService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The alumni council: who serves today, highest title first, and past terms' })
  @ApiOkResponse({ type: CouncilResponseDto })
  show(@CurrentUser() user: AuthUserDto | undefined): Promise<CouncilDto> {
    return this.council.council(user);
  }
}

@ApiTags('governance: council (staff)')
@Roles('staff')
@Controller('staff/governance/council/members')
export class StaffCouncilController {
  constructor(private readonly council: CouncilService) {}

  @Get()
  @ApiOperation({ summary: 'Every term: serving, past and future' })
  @ApiOkResponse({ type: [CouncilMemberResponseDto] })
  @ApiErrors('FORBIDDEN')
  list(@CurrentUser() user: AuthUserDto): Promise<CouncilMemberDto[]> {
    return this.council.listForStaff(user);
  }

  @Post()
  @ApiOperation({ summary: 'Appoint a member, or seat one elected (audited)' })
  @ApiCreatedResponse({ type: CouncilMemberResponseDto })
  @ApiErrors('COUNCIL_TERM_INVALID', 'COUNCIL_MEMBER_INELIGIBLE', 'COUNCIL_MEMBER_OVERLAP', 'COUNCIL_ELECTION_INVALID', 'FORBIDDEN')
  add(@CurrentUser() user: AuthUserDto, @Body() dto: CouncilMemberBodyDto): Promise<CouncilMemberDto> {
    return this.council.add(user, dto);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Correct a term’s title, introduction or dates (audited)' })
  @ApiOkResponse({ type: CouncilMemberResponseDto })
  @ApiErrors('COUNCIL_MEMBER_NOT_FOUND', 'COUNCIL_TERM_INVALID', 'COUNCIL_MEMBER_OVERLAP', 'FORBIDDEN')
  update(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CouncilTermBodyDto,
  ): Promise<CouncilMemberDto> {
    return this.council.update(user, id, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a membership today (audited)' })
  @ApiOkResponse({ type: CouncilMemberResponseDto })
  @ApiErrors('COUNCIL_MEMBER_NOT_FOUND', 'FORBIDDEN')
  end(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndCouncilMemberBodyDto,
  ): Promise<CouncilMemberDto> {
    return this.council.end(user, id, dto.reason ?? null);
  }
}
