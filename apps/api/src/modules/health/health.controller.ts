import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthDto } from '@allmende/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database readiness (503 when the database does not answer)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let database: HealthDto['database'] = 'up';
    try {
      await this.ds.query('SELECT 1');
    } catch {
      database = 'down';
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: database === 'up' ? 'ok' : 'degraded', uptimeSeconds: Math.round(process.uptime()), database };
  }
}
