import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RiskAssessmentView, RiskQuestionnaire } from '@contract/wealth-schemas';
import { useState } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { ResultCard } from '@/components/ResultPage';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goTo, PAGES } from '@/lib/nav';
import { getRiskQuestionnaire, submitRiskAssessment } from '../../api';
import '../../wealth.css';

function Outcome({ result }: { result: RiskAssessmentView }) {
  return (
    <View className='page'>
      <ResultCard message='评估完成' figure={{ value: result.levelLabel, id: 'risk-level' }}>
        <InfoRow label='可购买产品' value={`${result.maxRiskLevel} 及以下`} />
        <InfoRow label='评估日期' value={result.assessedOn} />
        <InfoRow label='有效期至' value={result.validThrough} id='risk-valid-through' />
      </ResultCard>
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
      <SubmitActions id='questionnaire-submit' busy={busy} error={error} onClick={handleSubmit}>
        提交评估
      </SubmitActions>
    </View>
  );
}

export default function QuestionnairePage() {
  const { remote, reload } = useRemote(getRiskQuestionnaire);
  const [result, setResult] = useState<RiskAssessmentView | null>(null);
  if (result) return <Outcome result={result} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <Form questionnaire={remote.data} onDone={setResult} />;
}
