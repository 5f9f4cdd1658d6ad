import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the walls show: captions and places of a local college's old photos, by how long before graduation. */
const CLASS_PHOTOS: { yearsBefore: number; place: string; caption: string }[] = [
  { yearsBefore: 4, place: '老校门', caption: '新生报到第一天，全班在老校门前的第一张合影' },
  { yearsBefore: 3, place: '体育场', caption: '校运会拔河比赛，我们班拿了第二名' },
  { yearsBefore: 2, place: '图书馆', caption: '期末周在老图书馆占座复习的日子' },
  { yearsBefore: 0, place: '大礼堂', caption: '毕业典礼后在大礼堂台阶上的全家福' },
];
const YEAR_PHOTOS: { year: number; place: string; caption: string }[] = [
  { year: 1986, place: '老校门', caption: '八十年代的老校门，门口还是一条石子路' },
  { year: 1998, place: '江州江边', caption: '九八年抗洪，同学们在江边扛沙袋' },
  { year: 2008, place: '体育场', caption: '奥运那年，全校在体育场看开幕式直播' },
];
/** The campus timeline: moments staff wrote, illustrated with the year photos where one fits. */
const TIMELINE: { year: number; month: number | null; title: string; place: string | null; body: string; photoYear?: number }[] = [
  { year: 1958, month: 9, title: '江州学院创办', place: '老校门', body: '首批 320 名学生入学，校舍是三排平房和一座礼堂。' },
  { year: 1978, month: 3, title: '恢复高考后首届新生入学', place: '大礼堂', body: '七七级新生在大礼堂参加开学典礼。' },
  { year: 1986, month: null, title: '老校门落成', place: '老校门', body: '由校友设计的校门落成，沿用至今。', photoYear: 1986 },
  { year: 1998, month: 8, title: '师生参加抗洪', place: '江州江边', body: '三百余名师生参加江州抗洪抢险。', photoYear: 1998 },
  { year: 2004, month: 9, title: '新图书馆启用', place: '图书馆', body: '藏书一百二十万册的新图书馆开放。' },
  { year: 2008, month: 8, title: '体育场改建完成', place: '体育场', body: '400 米塑胶跑道的体育场投入使用。', photoYear: 2008 },
  { year: 2018, month: 10, title: '建校六十周年', place: '大礼堂', body: '三千余名校友返校参加六十周年校庆。' },
];

/**
 * Old photos for the demo college: four photos on each of the classes with the most verified
 * alumni, a few on the school's year walls, classmates tagged (some waiting for their answer),
 * 我在这里 and comments; the campus timeline by decade. The rows carry storage keys whose
 * files do not exist yet: DemoPhotos draws them at start-up through the storage port (the
 * seed runs in a database transaction, without the storage). Runs after the verification seed.
 */
export async function seedDemoMemories(manager: EntityManager, now: Date): Promise<void> {
  const classes: { group_id: string; graduation_year: number; alumni: string[] }[] = await manager.query(
    `SELECT g.id AS group_id, g.graduation_year, array_agg(a.id ORDER BY a.created_at, a.id) AS alumni
       FROM groups g
       JOIN roster_entries e ON e.graduation_year = g.graduation_year AND e.department_id = g.department_id AND e.class_name = g.class_name
       JOIN alumni a ON a.id = e.claimed_by AND a.verified_at IS NOT NULL AND a.openid IS NOT NULL
      WHERE g.kind = 'class'
      GROUP BY g.id, g.graduation_year
     HAVING count(*) >= 2
      ORDER BY count(*) DESC, g.graduation_year, g.id
      LIMIT 3`,
  );
  let minutes = 0;
  const created = () => new Date(now.getTime() - 20 * DAY_MS + (minutes += 97) * 60_000);
  const photos: { id: string; year: number }[] = [];
  const insertPhoto = async (uploaderId: string, classGroupId: string | null, year: number, place: string, caption: string) => {
    const id = randomUUID();
    const at = created();
    await manager.query(
      `INSERT INTO memory_photos (id, uploader_id, class_group_id, year, place, caption, storage_key, status, image_cleared, caption_cleared,
                                  created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', true, true, $8, $8)`,
      [id, uploaderId, classGroupId, year, place, caption, `memories/${randomUUID()}.jpg`, at],
    );
    await manager.query(
      `INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
       VALUES ($1, 'memories.photo_shared', 'memory_photo', $2, $3, $4)`,
      [uploaderId, id, JSON.stringify({ year, classGroupId }), at],
    );
    photos.push({ id, year });
    return id;
  };

  for (const c of classes) {
    const [uploader, ...classmates] = c.alumni;
    for (const [index, shot] of CLASS_PHOTOS.entries()) {
      const photoId = await insertPhoto(
        index % 2 === 0 ? uploader! : (classmates[0] ?? uploader!),
        c.group_id,
        c.graduation_year - shot.yearsBefore,
        shot.place,
        shot.caption,
      );
      // Classmates in the photo: the uploader tagged them; the first agreed, the next one has not answered yet.
      for (const [n, alumnusId] of classmates.slice(0, 2).entries()) {
        await manager.query(
          `INSERT INTO memory_photo_tags (photo_id, alumnus_id, tagged_by, status, x, y, answered_at)
           VALUES ($1, $2, $3, $4, $5, 0.55, $6)`,
          [photoId, alumnusId, uploader, n === 0 ? 'accepted' : 'pending', 0.3 + n * 0.3, n === 0 ? now : null],
        );
      }
      for (const alumnusId of c.alumni.slice(0, 3)) {
        await manager.query(`INSERT INTO memory_photo_presence (photo_id, alumnus_id) VALUES ($1, $2)`, [photoId, alumnusId]);
      }
      await manager.query(`UPDATE memory_photos SET presence_count = $2 WHERE id = $1`, [photoId, Math.min(3, c.alumni.length)]);
      if (index === 0 && classmates[0]) {
        await manager.query(`INSERT INTO memory_photo_comments (photo_id, author_id, text, status) VALUES ($1, $2, $3, 'published')`, [
          photoId,
          classmates[0],
          '一转眼这么多年了，大家都还好吗？',
        ]);
        await manager.query(`UPDATE memory_photos SET comment_count = 1 WHERE id = $1`, [photoId]);
      }
    }
  }
  const anyone = classes[0]?.alumni[0];
  if (anyone) {
    for (const shot of YEAR_PHOTOS) await insertPhoto(anyone, null, shot.year, shot.place, shot.caption);
  }

  for (const entry of TIMELINE) {
    const photo = entry.photoYear ? photos.find((p) => p.year === entry.photoYear) : undefined;
    await manager.query(
      `INSERT INTO campus_timeline_entries (year, month, title, place, body, photo_ids, status) VALUES ($1, $2, $3, $4, $5, $6, 'published')`,
      [entry.year, entry.month, entry.title, entry.place, entry.body, photo ? [photo.id] : []],
    );
  }
}
