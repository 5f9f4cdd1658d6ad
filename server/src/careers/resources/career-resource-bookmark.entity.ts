import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An alumnus keeps a published resource for later; counted on the resource. */
@Entity({ name: 'career_resource_bookmarks' })
export class CareerResourceBookmarkEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'uuid' })
  resourceId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
