import type { Role } from '@alumni/shared';
import { TokenService } from '../src/auth/token.service.js';
import { PRIVACY_NOTICE } from '../src/identity/privacy-notice.js';
import type { TestApp } from './test-app.js';

/**
 * The callers of the authorisation matrix, from least to most trusted. `branchAdmin` runs the
 * world's `branch`, `otherBranchAdmin` another branch; `liaison` is class liaison of the world's
 * `liaisonClass`, `otherLiaison` of another class: all four are verified alumni outside `group`,
 * so everywhere but their branch or class they meet what `verified` meets (docs/security.md, roles).
 */
export const CALLERS = [
  'anonymous',
  'alumnus',
  'student',
  'verified',
  'branchAdmin',
  'otherBranchAdmin',
  'liaison',
  'otherLiaison',
  'member',
  'groupAdmin',
  'staff',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Everything a route's path can point at; all of it belongs to someone other than the callers. */
export interface World {
  headers: Record<Exclude<Caller, 'anonymous'>, Record<string, string>>;
  ids: {
    /** The group `member` and `groupAdmin` belong to; owned by `other`, joined by approval. */
    group: string;
    /** A group `other` proposed, waiting for staff. */
    proposedGroup: string;
    /** A plain member of `group` other than the callers. */
    bystander: string;
    /** An alumnus waiting for approval to join `group` (when the world was asked for a join request). */
    applicant: string;
    /** The alumnus who owns everything below. */
    other: string;
    post: string;
    comment: string;
    event: string;
    registration: string;
    campaign: string;
    donation: string;
    claim: string;
    rosterImport: string;
    notification: string;
    /** A notice in `other`'s message centre. */
    message: string;
    /** `other`'s open mentor offer, with `bystander`'s request to it waiting. */
    mentorOffer: string;
    mentorship: string;
    /** `other`'s published job post, with `bystander`'s application to it. */
    jobPost: string;
    jobApplication: string;
    /** `other`'s published guide, with one attached file. */
    careerResource: string;
    resourceFile: string;
    /** A published secret vote of every verified alumnus, open now. */
    vote: string;
    /** `other`'s suggestion, collecting co-signatures. */
    suggestion: string;
    /** `other`'s term on the alumni council. */
    councilMember: string;
    /** A campus day on now, with one spot. */
    campusDay: string;
    spot: string;
    /** `other`'s open reunion proposal for their class (`other` is verified in it; no caller is). */
    reunion: string;
    /** An open survey of every verified alumnus, one single-choice question. */
    survey: string;
    /**
     * A branch `branchAdmin` runs (admin of its home group, joined by approval); `otherBranchAdmin` runs another one.
     * `bystander` is a member verified in `liaisonClass`, which makes that class one within the branch (docs/reach.md).
     */
    branch: string;
    /** `other`'s published old photo on their class wall, with `bystander` tagged (waiting) and `other`'s comment. */
    memoryPhoto: string;
    memoryTag: string;
    memoryComment: string;
    /** A published entry of the campus timeline. */
    timelineEntry: string;
    /** A published alumni story by `other`, with one comment of theirs. */
    story: string;
    storyComment: string;
    /** `bystander`'s contact request to `other`, waiting. */
    contactRequest: string;
    /** The class group `liaison` is liaison of (`otherLiaison` is liaison of another class); neither is verified in it. */
    liaisonClass: string;
    /** An unclaimed roster entry of `liaisonClass`. */
    classmateEntry: string;
    /** The token of `liaison`'s invitation for `classmateEntry`. */
    classInvitation: string;
    /** The `liaison` caller's own id: a current liaison of `liaisonClass`. */
    liaisonAlumnus: string;
  };
}

interface Person {
  key: Exclude<Caller, 'anonymous'> | 'other' | 'applicant' | 'bystander';
  roles: Role[];
  verified: boolean;
}

const PEOPLE: Person[] = [
  { key: 'alumnus', roles: ['alumnus'], verified: false },
  // Verified against a roster entry graduating two years from now (careers tell students from graduates).
  { key: 'student', roles: ['alumnus'], verified: true },
  { key: 'verified', roles: ['alumnus'], verified: true },
  // Class liaisons (班级联络人): one of `liaisonClass`, one of another class.
  { key: 'liaison', roles: ['alumnus'], verified: true },
  { key: 'otherLiaison', roles: ['alumnus'], verified: true },
  { key: 'member', roles: ['alumnus'], verified: true },
  { key: 'groupAdmin', roles: ['alumnus'], verified: true },
  { key: 'branchAdmin', roles: ['alumnus'], verified: true },
  { key: 'otherBranchAdmin', roles: ['alumnus'], verified: true },
  // Association staff are alumni too; neither belongs to the group, so they pass group checks by role alone.
  { key: 'staff', roles: ['alumnus', 'staff'], verified: true },
  // Admin without the staff role: admins hold staff rights wherever staff is checked.
  { key: 'admin', roles: ['alumnus', 'admin'], verified: true },
  { key: 'other', roles: ['alumnus'], verified: true },
  { key: 'applicant', roles: ['alumnus'], verified: true },
  { key: 'bystander', roles: ['alumnus'], verified: true },
];

let worlds = 0;

/**
 * A new world, written in one statement: the callers (all of whom accepted the privacy notice)
 * and the objects `other` owns; with `joinRequest`, the applicant also asks to join `group`.
 */
export async function createWorld(t: TestApp, options: { joinRequest: boolean }): Promise<World> {
  worlds += 1;
  const tag = `${process.pid}_${worlds}`;
  const [row] = (await t.dataSource.query(
    `WITH people AS (
       INSERT INTO alumni (openid, display_name, roles, verified_at, consent_version, consented_at)
       SELECT 'o_authz_' || $1 || '_' || p.key, p.key, p.roles::text[], CASE WHEN p.verified THEN now() END, $2, now()
       FROM jsonb_to_recordset($3::jsonb) AS p(key text, roles text, verified boolean)
       RETURNING id, display_name AS key),
     who AS (SELECT jsonb_object_agg(key, id) AS ids FROM people),
     department AS (INSERT INTO departments (name) VALUES ('授权学院' || $1) RETURNING id),
     grp AS (
       INSERT INTO groups (kind, name, join_policy, status, member_count, created_by)
       SELECT 'interest', '授权群' || $1, 'approval', 'active', 4, (ids->>'other')::uuid FROM who RETURNING id),
     proposed AS (
       INSERT INTO groups (kind, name, join_policy, status, created_by)
       SELECT 'interest', '待审群' || $1, 'open', 'proposed', (ids->>'other')::uuid FROM who RETURNING id),
     memberships AS (
       INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at)
       SELECT grp.id, (who.ids->>m.key)::uuid, m.role, 'active', now()
       FROM grp, who, (VALUES ('other', 'owner'), ('groupAdmin', 'admin'), ('member', 'member'), ('bystander', 'member')) AS m(key, role)),
     post AS (
       INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, comment_count)
       SELECT grp.id, (ids->>'other')::uuid, '别人的动态', 'published', 'pass', 1 FROM grp, who RETURNING id),
     comment AS (
       INSERT INTO group_post_comments (post_id, author_id, text, status, check_outcome)
       SELECT post.id, (ids->>'other')::uuid, '别人的评论', 'published', 'pass' FROM post, who RETURNING id),
     event AS (
       INSERT INTO events (title, kind, status, starts_at, ends_at, city, venue, capacity, confirmed_count)
       VALUES ('授权活动' || $1, 'meetup', 'published', now() + interval '7 days', now() + interval '7 days 2 hours', '江州', '大礼堂', 50, 1)
       RETURNING id),
     registration AS (
       INSERT INTO event_registrations (event_id, alumnus_id, status, confirmed_at)
       SELECT event.id, (ids->>'other')::uuid, 'confirmed', now() FROM event, who RETURNING id),
     campaign AS (
       INSERT INTO campaigns (title, kind, status, goal_fen, raised_fen, donor_count, paid_count, starts_at)
       VALUES ('授权项目' || $1, 'general', 'open', 100000, 5000, 1, 1, now() - interval '1 day') RETURNING id),
     donation AS (
       INSERT INTO donations (campaign_id, alumnus_id, out_trade_no, amount_fen, status, payer_openid, expires_at, transaction_id, paid_at,
                              certificate_no)
       SELECT campaign.id, (ids->>'other')::uuid, 'AUTHZ' || $1, 5000, 'paid', 'o_authz_' || $1 || '_other', now(), 'T' || $1, now(),
              'GIV-AUTHZ-' || $1
       FROM campaign, who RETURNING id),
     claim AS (
       INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, class_name)
       SELECT (ids->>'other')::uuid, 'pending', '王别人', 2010, department.id, '计科1班' FROM who, department RETURNING id),
     roster_import AS (
       INSERT INTO roster_imports (status, file_name, total_rows, valid_rows, invalid_rows, already_present_rows, staged_rows)
       VALUES ('previewed', 'roster.csv', 0, 0, 0, 0, '[]') RETURNING id),
     notification AS (
       INSERT INTO outbox_messages (alumnus_id, kind, status, attempts, last_error)
       SELECT (ids->>'other')::uuid, 'events.reminder', 'failed', 3, 'test' FROM who RETURNING id),
     message AS (
       INSERT INTO inbox_messages (alumnus_id, kind, title, body)
       SELECT (ids->>'other')::uuid, 'events.reminder', '活动明天开始', '别人的消息' FROM who RETURNING id),
     student_entry AS (
       INSERT INTO roster_entries (student_number, name, graduation_year, department_id, claimed_by, claimed_at)
       SELECT 'AUTHZ' || $1, '在校生', extract(year FROM now())::int + 2, department.id, (ids->>'student')::uuid, now()
       FROM who, department),
     mentor_offer AS (
       INSERT INTO mentor_offers (alumnus_id, industry, city, topics, formats, capacity, waiting_count, intro, status, check_outcome)
       SELECT (ids->>'other')::uuid, '互联网', '上海', '{career_change}', '{online}', 3, 1, '别人的导师介绍', 'open', 'pass' FROM who
       RETURNING id),
     mentorship AS (
       INSERT INTO mentorships (mentor_id, mentee_id, offer_id, mentor_industry, mentor_city, mentee_stage, cross_industry, status,
                                goals, target_industry, topic)
       SELECT (ids->>'other')::uuid, (ids->>'bystander')::uuid, mentor_offer.id, '互联网', '上海', 'graduate', false, 'requested',
              '别人的辅导申请', '互联网', 'career_change'
       FROM who, mentor_offer RETURNING id),
     job_post AS (
       INSERT INTO job_posts (poster_id, title, company, industry, city, type, description, how_to_apply, closes_at, status,
                              check_outcome, published_at, search_text, search_grams)
       SELECT (ids->>'other')::uuid, '别人的职位', '江州科技', '互联网', '上海', 'internship', '职位描述', '发送简历',
              now() + interval '30 days', 'published', 'pass', now(), '', '{}'
       FROM who RETURNING id),
     job_application AS (
       INSERT INTO job_applications (post_id, applicant_id, applicant_name, applicant_stage, share_phone, email, status)
       SELECT job_post.id, (ids->>'bystander')::uuid, '旁观者', 'graduate', false, 'b@example.com', 'submitted'
       FROM who, job_post RETURNING id),
     career_resource AS (
       INSERT INTO career_resources (author_id, kind, title, summary, body_html, industry, topic, status, check_outcome, published_at,
                                     file_count, search_text, search_grams)
       SELECT (ids->>'other')::uuid, 'guide', '别人的指南', '', '<p>指南正文</p>', '互联网', 'job_search', 'published', 'pass', now(),
              1, '', '{}'
       FROM who RETURNING id),
     resource_file AS (
       INSERT INTO career_resource_files (uploader_id, resource_id, storage_key, name, content_type, size)
       SELECT (ids->>'other')::uuid, career_resource.id, 'career-files/' || gen_random_uuid() || '.pdf', '指南.pdf', 'application/pdf', 10
       FROM who, career_resource RETURNING id),
     vote AS (
       INSERT INTO votes (title, purpose, choice, max_choices, options, option_count, audience, opens_at, closes_at,
                          results_visibility, secret, status, published_at, announced_at)
       VALUES ('授权投票' || $1, 'poll', 'single', 1,
               '[{"number":1,"label":"甲","description":null,"candidateId":null},{"number":2,"label":"乙","description":null,"candidateId":null}]',
               2, '{"kind":"verified"}', now() - interval '1 hour', now() + interval '7 days', 'after_close', true, 'published', now(), now())
       RETURNING id),
     vote_tally AS (INSERT INTO vote_tallies (vote_id, ballots, counts) SELECT id, 0, '{0,0}' FROM vote),
     suggestion AS (
       INSERT INTO suggestions (author_id, title, category, body, status, check_outcome, threshold, collect_until)
       SELECT (ids->>'other')::uuid, '别人的建言', 'campus', '别人的建言内容', 'collecting', 'pass', 20, now() + interval '30 days'
       FROM who RETURNING id),
     council_member AS (
       INSERT INTO council_members (alumnus_id, title, term_starts_on, term_ends_on, source)
       SELECT (ids->>'other')::uuid, '理事', current_date - 30, current_date + 365, 'appointed' FROM who RETURNING id),
     campus_day AS (
       INSERT INTO events (title, kind, status, starts_at, ends_at, city, venue, capacity, confirmed_count)
       VALUES ('授权返校日' || $1, 'campus_day', 'published', now() - interval '1 hour', now() + interval '5 hours', '江州', '校园', 500, 0)
       RETURNING id),
     spot AS (
       INSERT INTO campus_day_spots (event_id, name, position, code, status)
       SELECT campus_day.id, '老校门', 0, upper(substr(translate(md5($1), 'ilou', '0123'), 1, 8)), 'active' FROM campus_day RETURNING id),
     class_entry AS (
       INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name, claimed_by, claimed_at)
       SELECT 'AUTHZC' || $1, '王别人', 2010, department.id, '授权1班', (ids->>'other')::uuid, now() FROM who, department
       RETURNING graduation_year, department_id, class_name),
     class_group AS (
       INSERT INTO groups (kind, name, intro, graduation_year, department_id, class_name, join_policy, status)
       SELECT 'class', '2010届授权1班' || $1, '', graduation_year, department_id, class_name, 'roster_only', 'active' FROM class_entry
       RETURNING id),
     reunion AS (
       INSERT INTO reunion_proposals (class_group_id, proposer_id, title, message, starts_at, ends_at, status, interest_count, check_outcome)
       SELECT class_group.id, (ids->>'other')::uuid, '十周年聚会', '回母校看看', now() + interval '30 days', now() + interval '30 days 3 hours',
              'open', 0, 'pass'
       FROM class_group, who RETURNING id),
     survey AS (
       INSERT INTO surveys (title, questions, audience, status, closes_at, opened_at, issued_online)
       VALUES ('授权问卷' || $1,
               '[{"key":"q1","number":1,"kind":"single","title":"满意吗","required":true,"options":["是","否"],"maxChoices":null,"scaleMin":null,"scaleMax":null,"minLabel":null,"maxLabel":null}]',
               '{"kind":"verified"}', 'open', now() + interval '7 days', now(), 10)
       RETURNING id),
     branch_groups AS (
       INSERT INTO groups (kind, name, intro, join_policy, status, member_count)
       SELECT 'interest', b.name || $1, '', 'approval', 'active', 1 FROM (VALUES ('授权分会'), ('别的分会')) AS b(name)
       RETURNING id, name),
     branch_rows AS (
       INSERT INTO branches (kind, name, group_id) SELECT 'interest', name, id FROM branch_groups RETURNING id, name, group_id),
     branch_people AS (
       SELECT b.id AS branch_id, b.group_id,
              (who.ids->>(CASE WHEN b.name LIKE '授权分会%' THEN 'branchAdmin' ELSE 'otherBranchAdmin' END))::uuid AS alumnus_id
       FROM branch_rows b, who),
     branch_admin_rows AS (INSERT INTO branch_admins (branch_id, alumnus_id) SELECT branch_id, alumnus_id FROM branch_people),
     branch_admin_memberships AS (
       INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at)
       SELECT group_id, alumnus_id, 'admin', 'active', now() FROM branch_people),
     branch AS (SELECT id FROM branch_rows WHERE name LIKE '授权分会%'),
     branch_bystander AS (
       INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at)
       SELECT b.group_id, (who.ids->>'bystander')::uuid, 'member', 'active', now() FROM branch_rows b, who WHERE b.name LIKE '授权分会%'),
     memory_photo AS (
       INSERT INTO memory_photos (uploader_id, class_group_id, year, place, caption, storage_key, status, image_cleared, caption_cleared,
                                  comment_count)
       SELECT (ids->>'other')::uuid, class_group.id, 2008, '老校门', '毕业前合影', 'memories/' || gen_random_uuid() || '.jpg', 'published',
              true, true, 1
       FROM who, class_group RETURNING id),
     memory_tag AS (
       INSERT INTO memory_photo_tags (photo_id, alumnus_id, tagged_by, status)
       SELECT memory_photo.id, (ids->>'bystander')::uuid, (ids->>'other')::uuid, 'pending' FROM memory_photo, who RETURNING id),
     memory_comment AS (
       INSERT INTO memory_photo_comments (photo_id, author_id, text, status)
       SELECT memory_photo.id, (ids->>'other')::uuid, '那年真好', 'published' FROM memory_photo, who RETURNING id),
     timeline_entry AS (
       INSERT INTO campus_timeline_entries (year, title, place, status) VALUES (1958, '授权时间轴' || $1, '老校门', 'published') RETURNING id),
     story AS (
       INSERT INTO stories (kind, status, author_id, title, body, consent_status, published_at, comment_count)
       SELECT 'alumni_story', 'published', (ids->>'other')::uuid, '别人的故事', '<p>故事正文</p>', 'not_needed', now(), 1 FROM who
       RETURNING id),
     story_comment AS (
       INSERT INTO story_comments (story_id, author_id, text, status, check_outcome)
       SELECT story.id, (ids->>'other')::uuid, '别人的评论', 'published', 'pass' FROM story, who RETURNING id),
     contact_request AS (
       INSERT INTO contact_requests (sender_id, recipient_id, note, status, sender_email)
       SELECT (ids->>'bystander')::uuid, (ids->>'other')::uuid, '别人的联系请求', 'pending', 'b@example.com' FROM who RETURNING id),
     liaison_class AS (
       INSERT INTO groups (kind, name, intro, graduation_year, department_id, class_name, join_policy, status)
       SELECT 'class', '2011届授权2班' || $1, '', 2011, department.id, '授权2班', 'roster_only', 'active' FROM department RETURNING id),
     other_liaison_class AS (
       INSERT INTO groups (kind, name, intro, graduation_year, department_id, class_name, join_policy, status)
       SELECT 'class', '2011届授权3班' || $1, '', 2011, department.id, '授权3班', 'roster_only', 'active' FROM department RETURNING id),
     classmate_entry AS (
       INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name)
       SELECT 'AUTHZL' || $1, '李同学', 2011, department.id, '授权2班' FROM department RETURNING id),
     bystander_entry AS (
       INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name, claimed_by, claimed_at)
       SELECT 'AUTHZB' || $1, '旁观者', 2011, department.id, '授权2班', (ids->>'bystander')::uuid, now() FROM who, department),
     class_liaison AS (
       INSERT INTO class_liaisons (class_group_id, alumnus_id)
       SELECT liaison_class.id, (ids->>'liaison')::uuid FROM liaison_class, who
       UNION ALL
       SELECT other_liaison_class.id, (ids->>'otherLiaison')::uuid FROM other_liaison_class, who),
     class_invitation AS (
       INSERT INTO class_invitations (token, class_group_id, roster_entry_id, invited_by)
       SELECT substr(md5('class-invitation' || $1), 1, 22), liaison_class.id, classmate_entry.id, (ids->>'liaison')::uuid
       FROM liaison_class, classmate_entry, who RETURNING token)
     SELECT who.ids, grp.id AS "group", proposed.id AS "proposedGroup", post.id AS post, comment.id AS comment, event.id AS event,
            registration.id AS registration, campaign.id AS campaign, donation.id AS donation, claim.id AS claim,
            roster_import.id AS "rosterImport", notification.id AS notification, message.id AS message,
            mentor_offer.id AS "mentorOffer", mentorship.id AS mentorship, job_post.id AS "jobPost",
            job_application.id AS "jobApplication", career_resource.id AS "careerResource", resource_file.id AS "resourceFile", vote.id AS vote, suggestion.id AS suggestion, council_member.id AS "councilMember",
            campus_day.id AS "campusDay", spot.id AS spot, reunion.id AS reunion, survey.id AS survey,
            branch.id AS branch, memory_photo.id AS "memoryPhoto", memory_tag.id AS "memoryTag", memory_comment.id AS "memoryComment",
            timeline_entry.id AS "timelineEntry", story.id AS story, story_comment.id AS "storyComment",
            contact_request.id AS "contactRequest",
            liaison_class.id AS "liaisonClass", classmate_entry.id AS "classmateEntry", class_invitation.token AS "classInvitation"
     FROM who, grp, proposed, post, comment, event, registration, campaign, donation, claim, roster_import, notification, message,
          mentor_offer, mentorship, job_post, job_application, career_resource, resource_file, vote, suggestion, council_member, campus_day, spot, reunion, survey, branch,
          memory_photo, memory_tag, memory_comment, timeline_entry, story, story_comment, contact_request, liaison_class, classmate_entry, class_invitation`,
    [tag, PRIVACY_NOTICE.version, JSON.stringify(PEOPLE.map((p) => ({ ...p, roles: `{${p.roles.join(',')}}` })))],
  )) as [{ ids: Record<Person['key'], string> } & Omit<World['ids'], 'other' | 'applicant' | 'bystander' | 'liaisonAlumnus'>];
  const { ids: people, ...objects } = row;
  const tokens = t.app.get(TokenService);
  const headers = {} as Record<Person['key'], Record<string, string>>;
  for (const p of PEOPLE)
    headers[p.key] = { authorization: `Bearer ${tokens.issueAccessToken({ id: people[p.key], roles: p.roles }).token}` };
  if (options.joinRequest) {
    // Through the API: the shape of a join request's row is the groups module's business.
    const join = await t.request(`/api/v1/groups/${objects.group}/join`, { method: 'POST', headers: headers.applicant });
    if (join.status !== 200) throw new Error(`The applicant could not ask to join: ${join.status} ${JSON.stringify(join.body)}`);
  }
  return {
    headers,
    ids: { ...objects, other: people.other, applicant: people.applicant, bystander: people.bystander, liaisonAlumnus: people.liaison },
  };
}
