import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RiskAssessmentView, RiskQuestionnaire } from '@contract/wealth-schemas';
import { useState } from 'react';
import { getRiskQuestionnaire, submitRiskAssessment } from '@/api/wealth';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goTo, PAGES } from '@/lib/nav';
import { Row } from '../../components/Bits';
import '../../wealth.css';

function Outcome({ result }: { result: RiskAssessmentView }) {
  return (
    <View className='page'>
      <View className='card result__card'>
        <View className='result__icon'>
          <Text>✓</Text>
        </View>
        <Text className='result__message'>评估完成</Text>
        <Text id='risk-level' className='result__amount'>
          {result.levelLabel}
        </Text>
        <View className='result__details'>
          <Row label='可购买产品' value={`${result.maxRiskLevel} 及以下`} />
          <Row label='评估日期' value={result.assessedOn} />
          <Row label='有效期至' value={result.validThrough} id='risk-valid-through' />
        </View>
      </View>
      <View className='actions'>
        <Button
          id='questionnaire-done'
          className='btn btn--primary'
          onClick={() => (Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : goTo(PAGES.wealth))}
        >
          完成
        </Button>
      </View>
    </View>
  );
}

function Form({ questionnaire, onDone }: { questionnaire: RiskQuestionnaire; onDone: (result: RiskAssessmentView) => void }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const { busy, error, setError, run } = useSubmit();
  const answered = Object.keys(chosen).length;

  async function handleSubmit() {
    if (answered < questionnaire.questions.length) {
      setError(`还有 ${questionnaire.questions.length - answered} 道题未作答`);
      return;
    }
    const result = await run(() =>
      submitRiskAssessment({
        questionnaireVersion: questionnaire.questionnaireVersion,
        answers: questionnaire.questions.map((question) => ({ questionId: question.questionId, optionId: chosen[question.questionId]! })),
      }),
    );
    if (result) onDone(result);
  }

  return (
    <View className='page'>
      <Text className='hint'>
        共 {questionnaire.questions.length} 题，请根据实际情况作答。评估结果有效期 {questionnaire.validityMonths} 个月，决定您可购买的产品风险等级。
      </Text>
      {questionnaire.questions.map((question, index) => (
        <View key={question.questionId} className='card'>
          <Text className='question__text'>
            {index + 1}. {question.text}
          </Text>
          {question.options.map((option) => (
            <View
              key={option.optionId}
              id={`answer-${option.optionId}`}
              className={chosen[question.questionId] === option.optionId ? 'answer answer--selected' : 'answer'}
              onClick={() => setChosen({ ...chosen, [question.questionId]: option.optionId })}
            >
              <Text>{option.text}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className='actions'>
        <SubmitButton id='questionnaire-submit' busy={busy} onClick={handleSubmit}>
          提交评估
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

export default function QuestionnairePage() {
  const { remote, reload } = useRemote(getRiskQuestionnaire);
  const [result, setResult] = useState<RiskAssessmentView | null>(null);
  if (result) return <Outcome result={result} />;
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  return <Form questionnaire={remote.data} onDone={setResult} />;
}
