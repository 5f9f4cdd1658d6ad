import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AlumnusEntity } from './alumnus.entity.js';

@Injectable()
export class AlumniService {
  constructor(@InjectRepository(AlumnusEntity) private readonly alumni: Repository<AlumnusEntity>) {}

  /** How many alumni the association keeps records of. */
  count(): Promise<number> {
    return this.alumni.count();
  }
}
