import type { DataSource, Repository } from "typeorm";
import { Lesson } from "./lesson.entity.js";

export class LessonService {
  private readonly lessons: Repository<Lesson>;

  constructor(dataSource: DataSource) {
    this.lessons = dataSource.getRepository(Lesson);
  }

  bySlug(slug: string): Promise<Lesson | null> {
    return this.lessons.findOneBy({ slug });
  }
}
