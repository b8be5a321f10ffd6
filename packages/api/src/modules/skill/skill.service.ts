import type { DataSource, Repository } from "typeorm";
import { cursor, type Page } from "../../common/connection.js";
import { Skill } from "./skill.entity.js";

export class SkillService {
  private readonly skills: Repository<Skill>;

  constructor(dataSource: DataSource) {
    this.skills = dataSource.getRepository(Skill);
  }

  /** Skills in library order, a page at a time (keyset pagination on position, slug). */
  async list(args: { first: number; after?: string | null }): Promise<Page<Skill>> {
    const query = this.skills
      .createQueryBuilder("skill")
      .orderBy("skill.position", "ASC")
      .addOrderBy("skill.slug", "ASC");
    const total = query.clone();
    if (args.after) {
      const after = cursor.decode(args.after);
      query.where("(skill.position, skill.slug) > (:position, :slug)", after);
    }
    const [rows, totalCount] = await Promise.all([
      query.take(args.first + 1).getMany(),
      total.getCount(),
    ]);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount,
      cursorOf: (skill) => cursor.encode(skill.position, skill.slug),
    };
  }

  bySlug(slug: string): Promise<Skill | null> {
    return this.skills.findOneBy({ slug });
  }
}
