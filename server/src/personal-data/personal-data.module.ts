import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PersonalDataRegistry } from './personal-data.registry.js';

/**
 * The registry of what each module keeps about alumni (personal-data.ts): the profile
 * module's export and erasure go through it. Importing it is not needed to contribute: a
 * module only declares its decorated provider.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [PersonalDataRegistry],
  exports: [PersonalDataRegistry],
})
export class PersonalDataModule {}
