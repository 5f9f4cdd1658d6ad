import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AuthUserDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../src/auth/auth.decorators.js';

class ProbeDto {
  @IsString()
  @MaxLength(20)
  name: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count: number;
}

/**
 * Routes mounted only in tests, to exercise the global pipeline (body parsing, validation,
 * error filter, logging) that every real write route will go through.
 */
@Controller('__probe')
class ProbeController {
  @Public()
  @Post()
  echo(@Body() body: ProbeDto) {
    return body;
  }

  @Public()
  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  @Get('me')
  me(@CurrentUser() user: AuthUserDto) {
    return user;
  }

  @Roles('staff')
  @Get('staff')
  staffOnly(@CurrentUser() user: AuthUserDto) {
    return user;
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
