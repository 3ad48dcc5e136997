import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionFieldsController } from './action-fields.controller';
import { ActionFieldsService } from './action-fields.service';
import { ActionField } from './entities/action-field.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ActionField])],
  controllers: [ActionFieldsController],
  providers: [ActionFieldsService],
})
export class ActionFieldsModule {}
