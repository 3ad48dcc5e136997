import { Module } from '@nestjs/common';
import { BoardChanges } from './board-changes';
import { BoardsController, CardsController, StrategyController } from './boards.controller';
import { BoardsService } from './boards.service';
import { CardsService } from './cards.service';
import { StrategyService } from './strategy.service';

@Module({
  controllers: [BoardsController, CardsController, StrategyController],
  providers: [BoardsService, CardsService, StrategyService, BoardChanges],
})
export class BoardsModule {}
