import { z } from 'zod';

/** Chinese messages for zod's built-in checks, so every validation error a user sees is in Chinese. */
export function installChineseZodMessages() {
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          return iss.input === undefined ? '必填' : `类型错误，应为${typeName(String(iss.expected))}`;
        case 'too_small':
          if (iss.origin === 'string') return `至少 ${iss.minimum} 个字符`;
          if (iss.origin === 'array') return `至少 ${iss.minimum} 项`;
          return `不能小于 ${iss.minimum}`;
        case 'too_big':
          if (iss.origin === 'string') return `最多 ${iss.maximum} 个字符`;
          if (iss.origin === 'array') return `最多 ${iss.maximum} 项`;
          return `不能大于 ${iss.maximum}`;
        case 'invalid_format':
          return iss.format === 'regex' ? '格式不正确' : `格式不正确（${iss.format}）`;
        case 'invalid_value':
          return `取值无效，可选：${iss.values.map(String).join('、')}`;
        case 'unrecognized_keys':
          return `不认识的字段：${iss.keys.join('、')}`;
        default:
          return undefined;
      }
    },
  });
}

function typeName(t: string) {
  return (
    { string: '文本', number: '数字', boolean: '是/否', object: '对象', array: '列表', date: '日期' }[t] ?? t
  );
}
