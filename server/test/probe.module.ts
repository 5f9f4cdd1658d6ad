import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

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
  @Post()
  echo(@Body() body: ProbeDto) {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
