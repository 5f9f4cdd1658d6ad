import { act, render, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError, request } from '../api/request';
import { FieldError } from './field-error';
import { fieldErrorsFrom, topLevelFieldOf, useFieldErrors } from './field-errors';

const taroRequest = Taro.request as jest.Mock;
const showToast = Taro.showToast as jest.Mock;

const refusal = (code: string, message: string, details: { field?: string; issue: string }[]) => ({
  statusCode: code === 'VALIDATION_FAILED' ? 400 : 422,
  data: { error: { code, message, details } },
  header: {},
});

beforeEach(() => {
  taroRequest.mockReset();
  showToast.mockClear();
});

const fields = topLevelFieldOf(['bio', 'city', 'graduationYear'] as const);

describe('fieldErrorsFrom', () => {
  it('puts the server’s message under the field its details name, a dotted path included', () => {
    const error = new ApiError('CONTENT_RISKY', '内容含有违规信息，请修改后再提交', 422, [{ field: 'bio', issue: 'label 20001' }]);
    expect(fieldErrorsFrom(error, fields)).toEqual({ bio: '内容含有违规信息，请修改后再提交' });
    const nested = new ApiError('CONTENT_RISKY', '内容含有违规信息', 422, [{ field: 'visibility.city', issue: 'x' }]);
    expect(fieldErrorsFrom(nested, fields)).toEqual({ city: '内容含有违规信息' });
  });

  it('uses the form’s own words for VALIDATION_FAILED, whose catalogue message is generic', () => {
    const error = new ApiError('VALIDATION_FAILED', '请求参数有误，请检查后重试', 400, [{ field: 'graduationYear', issue: 'too late' }]);
    expect(fieldErrorsFrom(error, fields, { graduationYear: '请填写正确的毕业年份' })).toEqual({ graduationYear: '请填写正确的毕业年份' });
    expect(fieldErrorsFrom(error, fields)).toEqual({ graduationYear: '请求参数有误，请检查后重试' });
  });

  it('is null when the error names none of the form’s fields, or is no API error', () => {
    expect(fieldErrorsFrom(new ApiError('RATE_LIMITED', '操作太频繁', 429, []), fields)).toBeNull();
    expect(fieldErrorsFrom(new ApiError('CONTENT_RISKY', '违规', 422, [{ field: 'avatar', issue: 'x' }]), fields)).toBeNull();
    expect(fieldErrorsFrom(new Error('boom'), fields)).toBeNull();
  });
});

describe('useFieldErrors', () => {
  it('shows a refused field next to it and not as a toast as well: one message at a time', async () => {
    taroRequest.mockResolvedValueOnce(refusal('CONTENT_RISKY', '内容含有违规信息，请修改后再提交', [{ field: 'bio', issue: 'x' }]));
    const { result } = renderHook(() => useFieldErrors(fields));
    await act(async () => {
      await expect(result.current.submit(() => request({ method: 'POST', path: '/api/v1/me', body: {} }))).rejects.toBeInstanceOf(ApiError);
    });
    expect(result.current.errors).toEqual({ bio: '内容含有违规信息，请修改后再提交' });
    expect(showToast).not.toHaveBeenCalled();

    act(() => result.current.clear('bio'));
    expect(result.current.errors).toEqual({});
  });

  it('leaves an error about no field of the form to the one toast of the request wrapper', async () => {
    taroRequest.mockResolvedValueOnce(refusal('RATE_LIMITED', '操作太频繁，请稍后再试', []));
    const { result } = renderHook(() => useFieldErrors(fields));
    await act(async () => {
      await expect(result.current.submit(() => request({ method: 'POST', path: '/api/v1/me', body: {} }))).rejects.toThrow();
    });
    expect(result.current.errors).toEqual({});
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '操作太频繁，请稍后再试' }));
  });

  it('toasts field errors again once the form’s save is over', async () => {
    const { result } = renderHook(() => useFieldErrors(fields));
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: {}, header: {} });
    await act(() => result.current.submit(() => request({ method: 'POST', path: '/api/v1/me', body: {} })));
    taroRequest.mockResolvedValueOnce(refusal('CONTENT_RISKY', '内容含有违规信息', [{ field: 'bio', issue: 'x' }]));
    await expect(request({ method: 'POST', path: '/api/v1/other', body: {} })).rejects.toThrow();
    expect(showToast).toHaveBeenCalledTimes(1);
  });
});

describe('FieldError', () => {
  it('shows the message under the field, with the page’s own class kept, and nothing without one', () => {
    const { container, rerender } = render(<FieldError message="请填写微信号" className="contact-share__problem" />);
    const shown = container.querySelector('.field-error.contact-share__problem');
    expect(shown?.textContent).toBe('请填写微信号');
    rerender(<FieldError message={undefined} />);
    expect(container.querySelector('.field-error')).toBeNull();
  });
});
