import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { type EnvReader, toBool } from './env-reader.js';
import type { NodeEnv } from './server.config.js';

const SWITCH = (name: string) => ({ message: `${name} must be true or false` });

class DemoVariables {
  @Transform(toBool)
  @IsIn([true, false], SWITCH('DEMO'))
  DEMO: boolean = false;

  // Each of these can only narrow DEMO (switch one part of it off); none turns anything on.
  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], SWITCH('SEED_DEMO'))
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], SWITCH('WECHAT_FAKE'))
  WECHAT_FAKE?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], SWITCH('WECHATPAY_FAKE'))
  WECHATPAY_FAKE?: boolean;
}

/**
 * The demo switch. DEMO=true, and nothing else, turns on what makes AlumniLink try-able on a
 * laptop and dangerous anywhere else: the fake WeChat and WeChat Pay servers, the demo seed,
 * demo sign-in (anyone signs in as anyone, admins included) and the development keys that are
 * public in the source. It is refused with NODE_ENV=production.
 */
export interface DemoConfig {
  demo: boolean;
  /** Seed the demo college into an empty database at start-up. */
  seedDemo: boolean;
  /** Start the fake WeChat server (and so demo sign-in). */
  wechatFake: boolean;
  /** Start the fake WeChat Pay server. */
  wechatPayFake: boolean;
}

export const DEMO_WARNING =
  'WARNING: DEMO=true — fake WeChat and WeChat Pay, demo sign-in (anyone can sign in as anyone, administrators included) and the public development keys are ON. Never let real people or real data near this server.';

export function readDemoConfig(reader: EnvReader, nodeEnv: NodeEnv): DemoConfig {
  const vars = reader.read(DemoVariables);
  const demo = vars.DEMO === true;
  if (demo && nodeEnv === 'production') {
    reader.problem('DEMO=true is refused with NODE_ENV=production: the demo is for trying AlumniLink (set NODE_ENV=development to try it)');
  }
  for (const name of ['SEED_DEMO', 'WECHAT_FAKE', 'WECHATPAY_FAKE'] as const) {
    if (vars[name] === true && !demo) reader.problem(`${name}=true needs DEMO=true: only the demo switch turns on demo parts`);
  }
  reader.demo = demo && nodeEnv !== 'production';
  return {
    demo: reader.demo,
    seedDemo: reader.demo && vars.SEED_DEMO !== false,
    wechatFake: reader.demo && vars.WECHAT_FAKE !== false,
    wechatPayFake: reader.demo && vars.WECHATPAY_FAKE !== false,
  };
}
